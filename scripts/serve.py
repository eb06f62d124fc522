#!/usr/bin/env python3
"""Static server for the built app (stdlib only).

    python3 scripts/serve.py [--dir dist] [--port 8080] [--host 127.0.0.1] [--quiet]

Deep links such as /p/khai-sinh/s/tre get index.html (the app routes in the browser); paths with
a file extension that do not exist get 404. Serves .wasm as application/wasm. When the build wrote
precompressed copies (scripts/build/precompress.js: `x.wasm.br`, `x.wasm.gz`), sends the Brotli copy
if the browser accepts it, else the gzip one, with Content-Encoding — as a production server
should (docs/embedding.md).
"""
import argparse
import functools
import http.server
import os
import posixpath
import sys
import urllib.parse

TYPES = {
    ".wasm": "application/wasm", ".js": "text/javascript", ".css": "text/css",
    ".json": "application/json", ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml", ".html": "text/html; charset=utf-8", ".zip": "application/zip",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    quiet = False

    def send_head(self):
        path = urllib.parse.urlsplit(self.path).path
        clean = posixpath.normpath(urllib.parse.unquote(path))
        if ".." in clean.split("/"):
            self.send_error(400, "bad path")
            return None
        fs_path = self.translate_path(self.path)
        if not os.path.exists(fs_path) and not posixpath.splitext(clean)[1]:
            # The staff page is its own app under /staff/; everything else is the resident app.
            self.path = "/staff/index.html" if clean == "/staff" or clean.startswith("/staff/") else "/index.html"
        elif os.path.isdir(fs_path) and clean.rstrip("/") == "/staff":
            self.path = "/staff/index.html"
        return self.send_precompressed() or super().send_head()

    def send_precompressed(self):
        """The `.br` or `.gz` copy of the file asked for, if there is one and the browser takes it."""
        self.has_copies = False
        fs_path = self.translate_path(self.path)
        if os.path.isdir(fs_path):
            fs_path = os.path.join(fs_path, "index.html")
        if not os.path.isfile(fs_path):
            return None
        accepted = set()
        for part in self.headers.get("Accept-Encoding", "").split(","):
            name, _, params = part.partition(";")
            if params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
                accepted.add(name.strip())
        for encoding, ext in (("br", ".br"), ("gzip", ".gz")):
            # A copy older than the file is stale (the file was edited after the build): skip it.
            if (encoding in accepted and os.path.isfile(fs_path + ext)
                    and os.path.getmtime(fs_path + ext) >= os.path.getmtime(fs_path)):
                f = open(fs_path + ext, "rb")
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(fs_path))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
                self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(fs_path))))
                self.end_headers()
                return f
        # The plain file is sent, but its response still depends on Accept-Encoding.
        self.has_copies = any(os.path.isfile(fs_path + ext) for ext in (".br", ".gz"))
        return None

    has_copies = False

    def end_headers(self):
        if self.has_copies:
            self.send_header("Vary", "Accept-Encoding")  # the plain file, where copies exist
        if urllib.parse.urlsplit(self.path).path in ("/", "/index.html", "/staff/index.html", "/sw.js", "/sw-register.js"):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if not self.quiet:
            sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default="dist")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.dir, "index.html")):
        sys.exit(f"serve.py: {a.dir}/index.html not found — build first (trunk build --release)")
    Handler.quiet = a.quiet
    handler = functools.partial(Handler, directory=os.path.abspath(a.dir))
    server = http.server.ThreadingHTTPServer((a.host, a.port), handler)
    print(f"hoso: serving {a.dir} on http://{a.host}:{a.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
