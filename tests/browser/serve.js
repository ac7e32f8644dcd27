// tests/browser/serve.js — a static file server on 127.0.0.1 for the browser tests (Cesium loads
// its workers and assets over HTTP; file:// URLs are refused). serve(routes) maps URL prefixes to
// directories; resolves to {server, base}. Only GET of files below those directories.
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css",
    ".json": "application/json", ".czml": "application/json", ".png": "image/png",
    ".jpg": "image/jpeg", ".svg": "image/svg+xml", ".wasm": "application/wasm",
    ".xml": "application/xml", ".glb": "model/gltf-binary"};

function serve(routes) {
    const server = http.createServer((req, res) => {
        const url = decodeURIComponent(req.url.split("?")[0]);
        for (const [prefix, dir] of Object.entries(routes)) {
            if (!url.startsWith(prefix)) continue;
            const file = path.join(dir, url.slice(prefix.length));
            if (!file.startsWith(dir)) break;
            fs.readFile(file, (err, data) => {
                if (err) { res.writeHead(404); res.end(); return; }
                res.writeHead(200, {"Content-Type": TYPES[path.extname(file)] || "application/octet-stream"});
                res.end(data);
            });
            return;
        }
        res.writeHead(404); res.end();
    });
    return new Promise((resolve) => server.listen(0, "127.0.0.1", () =>
        resolve({server, base: "http://127.0.0.1:" + server.address().port})));
}
module.exports = {serve};
