#!/usr/bin/python3
# tests/security/wapiti.py ARGS...: Debian 12's wapiti (3.0.4), with the one
# fix it needs on Python 3.11: its crawler turns each --exclude pattern into
# a regular expression with the flags "(?ms)" at its end, which Python 3.11
# refuses ("global flags not at the start"), so any --exclude makes the
# scan die before its first request.  The same translation, flags first.
#
# And one guard: every module is loaded, run or not, and the wapp module's
# loading downloads its database from the internet when it has none.  A
# scan of weft talks to the stack on 127.0.0.1 only, so that download is
# made a no-op (the wapp module is not among those run.sh asks for).
import re
import sys

import wapitiCore.net.crawler as crawler
import wapitiCore.attack.mod_wapp as mod_wapp
from wapitiCore.main.wapiti import wapiti_main


def wildcard_translate(pattern):
    body = ''.join('.*' if c == '*' else re.escape(c) for c in pattern)
    return re.compile(r'(?ms)' + body + r'\Z')


crawler.wildcard_translate = wildcard_translate
mod_wapp.mod_wapp.update = lambda self: None
sys.argv[0] = 'wapiti'
sys.exit(wapiti_main())
