// tests/browser/report_map.js — the report's interactive map (Leaflet inlined, src/report/report_map.c)
// in headless Chromium (puppeteer-core driving the Debian chromium), offline. Prints JSON:
//   errors      console errors and page errors
//   requests    every request but the report page itself and the browser's own favicon.ico
//               (must be none: all inlined)
//   overlays    per layer of the layer control: its name and the number of drawn SVG paths in
//               the map with all layers on, after unticking it, and after ticking it again
//   tooltip     the tooltip text after hovering over a site (its name and first numbers)
//   popup       the popup text after clicking that site
// and writes a screenshot of the map element.
// Usage: node report_map.js NODE_MODULES REPORT.html SHOT.png CHROMIUM
"use strict";
const fs = require("fs");
const path = require("path");
const [nodeModules, htmlPath, shotPath, chromium] = process.argv.slice(2);
const puppeteer = require(path.join(nodeModules, "puppeteer-core"));
const {serve} = require("./serve.js");

const paths = () => document.querySelectorAll("#bmd-map .leaflet-overlay-pane path").length;

(async () => {
    const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "bmd-rmap-"));
    fs.copyFileSync(htmlPath, path.join(dir, "report.html"));
    const {server, base} = await serve({"/": dir + "/"});
    const browser = await puppeteer.launch({executablePath: chromium, headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--window-size=1280,900"]});
    const out = {errors: [], requests: [], overlays: []};
    try {
        const page = await browser.newPage();
        await page.setViewport({width: 1280, height: 900});
        page.on("console", (m) => { if (m.type() === "error") out.errors.push(m.text()); });
        page.on("pageerror", (e) => out.errors.push(String(e)));
        await page.setRequestInterception(true);
        page.on("request", (r) => {
            if (r.url() === base + "/report.html") r.continue();
            // the browser's own favicon request (none with file://): not the page's
            else if (r.url() === base + "/favicon.ico") r.respond({status: 204, body: ""});
            else { out.requests.push(r.url()); r.abort(); }
        });
        await page.goto(base + "/report.html", {waitUntil: "load"});
        await page.waitForFunction(() => window.bmdMap && window.bmdMap.map, {timeout: 20000});
        const el = await page.$("#bmd-map");
        await el.scrollIntoView();
        // every layer of the control: untick, count, tick again, count
        const names = await page.evaluate(() => Array.from(
            document.querySelectorAll("#bmd-map .leaflet-control-layers-overlays label"),
            (l) => l.textContent.trim()));
        for (let i = 0; i < names.length; i++) {
            const box = async () => (await page.$$("#bmd-map .leaflet-control-layers-overlays input"))[i];
            const on = await page.evaluate(paths);
            await (await box()).click();
            const off = await page.evaluate(paths);
            await (await box()).click();
            const again = await page.evaluate(paths);
            out.overlays.push({name: names[i], on, off, again});
        }
        // hover over and click the first site (circle markers are drawn last: on top)
        const at = await page.evaluate(() => {
            const sites = window.bmdMap.overlays["Sites"];
            if (!sites) return null;
            const m = sites.getLayers()[0];
            window.bmdMap.map.setView(m.getLatLng(), window.bmdMap.map.getZoom(), {animate: false});
            const r = m._path.getBoundingClientRect();
            return {x: r.x + r.width / 2, y: r.y + r.height / 2, name: m.feature.properties.name};
        });
        if (at) {
            out.site = at.name;
            await page.mouse.move(at.x, at.y);
            await page.waitForSelector("#bmd-map .leaflet-tooltip", {timeout: 5000}).catch(() => {});
            out.tooltip = await page.evaluate(() => {
                const t = document.querySelector("#bmd-map .leaflet-tooltip");
                return t ? t.textContent : null;
            });
            await page.mouse.click(at.x, at.y);
            await page.waitForSelector("#bmd-map .leaflet-popup-content", {timeout: 5000}).catch(() => {});
            out.popup = await page.evaluate(() => {
                const p = document.querySelector("#bmd-map .leaflet-popup-content");
                return p ? p.textContent : null;
            });
            // the screenshot with the whole scenario again, popup closed
            await page.evaluate(() => {
                const b = window.bmdMap.map; b.closePopup();
                const o = window.bmdMap.overlays;
                const g = L.featureGroup(["Radar coverage", "Tracks (threats and interceptors)", "Sites"]
                    .filter((k) => o[k]).map((k) => o[k]));
                b.fitBounds(g.getBounds().pad(0.05), {animate: false});
            });
        }
        await new Promise((ok) => setTimeout(ok, 300));
        await el.screenshot({path: shotPath});
    } finally {
        await browser.close();
        server.close();
        fs.rmSync(dir, {recursive: true, force: true});
    }
    process.stdout.write(JSON.stringify(out) + "\n");
})().catch((e) => { console.error("report_map: " + (e && e.stack || e)); process.exit(1); });
