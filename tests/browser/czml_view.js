// tests/browser/czml_view.js — load a CZML file in CesiumJS (npm cesium) in headless Chromium
// (puppeteer-core driving the Debian chromium) and report what the viewer saw, as JSON on stdout:
//   entities      number of entities of the CzmlDataSource (the file's packets minus "document")
//   packets       number of packets in the file
//   errors        console errors and page errors
//   offsite       requests to anything but our 127.0.0.1 server (must be none: offline)
//   icons         requests for Google Earth's placemark icons (the KML's site style), answered
//                 locally with a 1x1 PNG (offline)
//   tracks        per sampled-position entity: its name and its position at its first sample
//                 time (lon, lat, height), as Cesium interpolates it
//   ellipsoids    per ellipsoid: name, radius (m), minimumClock/maximumClock (rad)
// and write a screenshot at the given fraction of the clock's interval.
// Usage: node czml_view.js NODE_MODULES FILE.czml|FILE.kml SHOT.png CHROMIUM [FRACTION]
// A FILE.kml is loaded with Cesium's KmlDataSource instead (gx:Track -> sampled positions; its
// clock from the tracks' times); packets is then the number of gx:Track elements.
// The globe uses Cesium's bundled Natural Earth II imagery (Assets/Textures/NaturalEarthII): no
// network, no Ion token.
"use strict";
const fs = require("fs");
const path = require("path");
const [nodeModules, czmlPath, shotPath, chromium, fraction] = process.argv.slice(2);
const puppeteer = require(path.join(nodeModules, "puppeteer-core"));
const {serve} = require("./serve.js");

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link rel="icon" href="data:,"><script src="/cesium/Cesium.js"></script>
<link href="/cesium/Widgets/widgets.css" rel="stylesheet">
<style>html,body,#v{width:100%;height:100%;margin:0;overflow:hidden}</style></head>
<body><div id="v"></div></body></html>`;

(async () => {
    const isKml = czmlPath.endsWith(".kml");
    const text = fs.readFileSync(czmlPath, "utf8");
    const czml = isKml ? text.match(/<gx:Track>/g) || [] : JSON.parse(text);
    const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "bmd-czml-"));
    fs.writeFileSync(path.join(dir, "index.html"), PAGE);
    fs.copyFileSync(czmlPath, path.join(dir, isKml ? "scene.kml" : "scene.czml"));
    const {server, base} = await serve({"/cesium/": path.join(nodeModules, "cesium/Build/Cesium") + "/",
                                        "/": dir + "/"});
    const browser = await puppeteer.launch({executablePath: chromium, headless: true,
        args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
               "--ignore-gpu-blocklist", "--window-size=1200,800"]});
    const out = {packets: czml.length, errors: [], offsite: [], icons: []};
    try {
        const page = await browser.newPage();
        await page.setViewport({width: 1200, height: 800});
        page.on("console", (m) => { if (m.type() === "error") out.errors.push(m.text()); });
        page.on("pageerror", (e) => out.errors.push(String(e)));
        await page.setRequestInterception(true);
        page.on("request", (r) => {
            if (r.url().startsWith(base) || r.url().startsWith("data:") || r.url().startsWith("blob:")) r.continue();
            else if (/^https?:\/\/maps\.google\.com\/mapfiles\//.test(r.url())) {
                // the KML's site icon (Google's): answered locally with a 1x1 white PNG
                out.icons.push(r.url());
                r.respond({status: 200, contentType: "image/png",
                    headers: {"Access-Control-Allow-Origin": "*"}, body: Buffer.from(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==", "base64")});
            }
            else { out.offsite.push(r.url()); r.abort(); }
        });
        await page.goto(base + "/index.html", {waitUntil: "load"});
        const seen = await page.evaluate(async (frac, isKml) => {
            Cesium.Ion.defaultAccessToken = "";
            const viewer = new Cesium.Viewer("v", {
                baseLayer: Cesium.ImageryLayer.fromProviderAsync(Cesium.TileMapServiceImageryProvider.fromUrl(
                    Cesium.buildModuleUrl("Assets/Textures/NaturalEarthII"))),
                baseLayerPicker: false, geocoder: false, homeButton: false, sceneModePicker: false,
                navigationHelpButton: false, fullscreenButton: false, infoBox: true,
                selectionIndicator: false, animation: true, timeline: true,
            });
            const ds = isKml ? await Cesium.KmlDataSource.load("/scene.kml", {
                camera: viewer.scene.camera, canvas: viewer.scene.canvas, clampToGround: false})
                : await Cesium.CzmlDataSource.load("/scene.czml");
            await viewer.dataSources.add(ds);
            const clock = ds.clock || viewer.clock;
            const span = Cesium.JulianDate.secondsDifference(clock.stopTime, clock.startTime);
            const t = Cesium.JulianDate.addSeconds(clock.startTime, span * frac, new Cesium.JulianDate());
            viewer.clock.startTime = clock.startTime.clone();
            viewer.clock.stopTime = clock.stopTime.clone();
            viewer.clock.currentTime = t;
            viewer.clock.shouldAnimate = false;
            viewer.timeline.zoomTo(clock.startTime, clock.stopTime);
            const res = {entities: ds.entities.values.length, tracks: [], ellipsoids: []};
            for (const e of ds.entities.values) {
                if (e.position instanceof Cesium.SampledPositionProperty) {
                    const t0 = e.availability.start;
                    const c = Cesium.Cartographic.fromCartesian(e.position.getValue(t0));
                    res.tracks.push({name: e.name, lon: Cesium.Math.toDegrees(c.longitude),
                                     lat: Cesium.Math.toDegrees(c.latitude), height: c.height});
                }
                if (e.ellipsoid) {
                    const r = e.ellipsoid.radii.getValue(t);
                    res.ellipsoids.push({name: e.name, radius: r.x,
                        minimumClock: e.ellipsoid.minimumClock ? e.ellipsoid.minimumClock.getValue(t) : null,
                        maximumClock: e.ellipsoid.maximumClock ? e.ellipsoid.maximumClock.getValue(t) : null});
                }
            }
            // the view: the tracks' extent seen from the south at 50 deg (zoomTo waits for every
            // billboard, and the KML's Google icons are refused offline, so the camera is set)
            let w = 180, e = -180, s = 90, n = -90;
            for (const x of ds.entities.values) {
                if (!(x.position instanceof Cesium.SampledPositionProperty)) continue;
                const c = Cesium.Cartographic.fromCartesian(x.position.getValue(x.availability.start));
                const d = Cesium.Cartographic.fromCartesian(x.position.getValue(x.availability.stop));
                for (const q of [c, d]) {
                    w = Math.min(w, Cesium.Math.toDegrees(q.longitude)); e = Math.max(e, Cesium.Math.toDegrees(q.longitude));
                    s = Math.min(s, Cesium.Math.toDegrees(q.latitude)); n = Math.max(n, Cesium.Math.toDegrees(q.latitude));
                }
            }
            const size = Math.max(e - w, n - s, 2);
            viewer.camera.setView({
                destination: Cesium.Cartesian3.fromDegrees((w + e) / 2, (s + n) / 2 - 1.6 * size, 1.6e5 * size),
                orientation: {heading: 0, pitch: Cesium.Math.toRadians(-35), roll: 0}});
            // wait until the imagery tiles are loaded and a few frames are drawn
            for (let i = 0; i < 100 && !viewer.scene.globe.tilesLoaded; i++)
                await new Promise((ok) => setTimeout(ok, 100));
            for (let i = 0; i < 10; i++) {
                viewer.scene.render();
                await new Promise((ok) => setTimeout(ok, 50));
            }
            res.tilesLoaded = viewer.scene.globe.tilesLoaded;
            return res;
        }, Number(fraction || 0.5), isKml);
        Object.assign(out, seen);
        await page.screenshot({path: shotPath});
    } finally {
        await browser.close();
        server.close();
        fs.rmSync(dir, {recursive: true, force: true});
    }
    process.stdout.write(JSON.stringify(out) + "\n");
})().catch((e) => { console.error("czml_view: " + (e && e.stack || e)); process.exit(1); });
