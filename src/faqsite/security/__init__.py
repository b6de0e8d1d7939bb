"""What keeps a pull request's content from running script, reaching other hosts or the build machine:
the allow-list sanitizer of rendered pages, the Content-Security-Policy, and path confinement."""
