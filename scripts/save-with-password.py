"""Saves a workbook as a password-protected .xls (BIFF8 with FILEPASS) through LibreOffice.

Run with the system Python that has LibreOffice's UNO bridge (python3-uno):
    /usr/bin/python3 scripts/save-with-password.py IN.xlsx OUT.xls PASSWORD
Called by scripts/make-reader-fixtures.ts; the fixture it makes is committed (CI needs no LibreOffice).
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(src, dest, password):
    profile = tempfile.mkdtemp(prefix="fc-lo-uno-")
    pipe = "fc_uno_%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "-env:UserInstallation=file://" + profile,
            "--accept=pipe,name=%s;urp;" % pipe,
        ]
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
                )
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx
        )
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),)
        )
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(dest)),
            (prop("FilterName", "MS Excel 97"), prop("Password", password)),
        )
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as the office ends
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        subprocess.run(["rm", "-rf", profile])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
