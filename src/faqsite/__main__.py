import sys

from faqsite.cli import run

sys.exit(run(sys.argv[1:]))
