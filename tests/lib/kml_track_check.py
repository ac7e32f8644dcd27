#!/usr/bin/env python3
"""Structure check of the time-stamped tracks of a KML file (gx:Track, Google's extension
namespace http://www.google.com/kml/ext/2.2), used by tests/cli_kml_track.sh.

Why a checker and not the schema: xmllint --schema needs ogckml22.xsd and kml22gx.xsd (plus the
atom and xAL schemas they import) on disk, offline; no Debian package ships them (python3-pykml is
+dfsg with the schemas removed; libkml-dev and libkmlxsd1 carry none) and no npm package we use
does. So this asserts the rules of the gx:Track element from the KML reference
(developers.google.com/kml/documentation/kmlreference#gxtrack) and of kml22gx.xsd's TrackType:
  - the gx prefix is bound to http://www.google.com/kml/ext/2.2;
  - children in the order altitudeMode, when*, gx:coord* (nothing else before the coords);
  - as many <when> as <gx:coord>, at least two;
  - every <when> an xsd:dateTime in UTC ("...Z"), strictly increasing;
  - every <gx:coord> three numbers "lon lat alt" separated by spaces, lon in [-180, 180],
    lat in [-90, 90].
Usage: kml_track_check.py FILE.kml [--epoch ISO] [--tracks N] [--duration NAME=SECONDS]...
  --epoch: the first <when> of every track is at or after it; of at least one, exactly it
  --tracks: exactly N gx:Track elements
  --duration: the track named NAME (Placemark name "NAME in time") lasts SECONDS (+/- 0.002 s)
Prints one line per problem; exit 1 if any."""
import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET

KML = "{http://www.opengis.net/kml/2.2}"
GX = "{http://www.google.com/kml/ext/2.2}"
WHEN = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def when_time(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def main(argv):
    path, epoch, n_tracks, durations = argv[1], None, None, {}
    i = 2
    while i < len(argv):
        if argv[i] == "--epoch":
            epoch = when_time(argv[i + 1])
        elif argv[i] == "--tracks":
            n_tracks = int(argv[i + 1])
        elif argv[i] == "--duration":
            name, secs = argv[i + 1].rsplit("=", 1)
            durations[name] = float(secs)
        i += 2
    problems = []
    raw = open(path, encoding="utf-8").read()
    if 'xmlns:gx="http://www.google.com/kml/ext/2.2"' not in raw:
        problems.append("the gx prefix is not bound to http://www.google.com/kml/ext/2.2")
    root = ET.fromstring(raw)
    tracks = []
    for pm in root.iter(KML + "Placemark"):
        for tr in pm.findall(GX + "Track"):
            tracks.append((pm.findtext(KML + "name"), tr))
    if n_tracks is not None and len(tracks) != n_tracks:
        problems.append("%d gx:Track elements, expected %d" % (len(tracks), n_tracks))
    firsts = []
    seen = {}
    for name, tr in tracks:
        kids = [c.tag for c in tr]
        order = {KML + "altitudeMode": 0, KML + "when": 1, GX + "coord": 2}
        ranks = [order.get(k, 9) for k in kids]
        if ranks != sorted(ranks) or 9 in ranks or ranks[:1] != [0]:
            problems.append("%s: children out of order or unexpected: %s" % (name, sorted(set(kids))))
        whens = [c.text for c in tr.findall(KML + "when")]
        coords = [c.text for c in tr.findall(GX + "coord")]
        if len(whens) != len(coords) or len(whens) < 2:
            problems.append("%s: %d <when> and %d <gx:coord>" % (name, len(whens), len(coords)))
        bad = [w for w in whens if not WHEN.match(w or "")]
        if bad:
            problems.append("%s: <when> not a UTC dateTime: %s" % (name, bad[:3]))
            continue
        times = [when_time(w) for w in whens]
        for a, b in zip(times, times[1:]):
            if not b > a:
                problems.append("%s: times not strictly increasing at %s, %s" % (name, a, b))
                break
        for c in coords:
            parts = (c or "").split(" ")
            try:
                lon, lat, _ = (float(p) for p in parts)
            except ValueError:
                problems.append("%s: gx:coord '%s' is not 'lon lat alt'" % (name, c))
                break
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                problems.append("%s: gx:coord '%s' out of range" % (name, c))
                break
        firsts.append(times[0])
        seen[name] = (times[-1] - times[0]).total_seconds()
    if epoch is not None and firsts:
        if min(firsts) != epoch or any(f < epoch for f in firsts):
            problems.append("first times %s, expected the earliest at the epoch %s" % (
                sorted(set(str(f) for f in firsts))[:3], epoch))
    for name, secs in durations.items():
        got = seen.get(name + " in time")
        if got is None or abs(got - secs) > 0.002:
            problems.append("track '%s in time' lasts %s s, expected %s s" % (name, got, secs))
    for p in problems:
        print("kml_track_check: %s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
