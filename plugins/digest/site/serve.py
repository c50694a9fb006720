"""`make serve` and `make devserver`: serve the built site locally, and for devserver rebuild it on every
change too.

    python -m digest.site.serve OUTPUT --bind 127.0.0.1 --port 8000 [-- REBUILD COMMAND...]

Pelican's own `pelican --listen` logs "Could not listen on port" and exits with status 0 when the port is
taken (with --autoreload it goes on rebuilding a site nobody can see). Here the port is bound first and
nothing else starts before it is: a taken port stops the command at once with one line on stderr and
status 2. The server then serves on the socket it bound, so no other program can take the port between a
check and the bind. The rebuild command (devserver: `pelican -r ...`) runs beside the server; when it
stops, serving stops too, with its status.
"""
from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import threading
from pathlib import Path


def bind(output: Path, host: str, port: int):
    """Pelican's development server (it serves `stories/x/` from `stories/x/index.html`) on host:port."""
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

    RootedHTTPServer.allow_reuse_address = True  # as Pelican: a restart need not wait out TIME_WAIT
    return RootedHTTPServer(str(output), (host, port), ComplexHTTPRequestHandler)


def serve_beside(server, rebuild: list[str]) -> int:
    """Serve while the rebuild command runs; its status is ours."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    child = subprocess.Popen(rebuild)
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.terminate()
        child.wait()
        return 0
    finally:
        server.shutdown()


def serve(server) -> int:
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    cut = argv.index("--") if "--" in argv else len(argv)
    ap = argparse.ArgumentParser(prog="python -m digest.site.serve", description=__doc__.split("\n\n")[0])
    ap.add_argument("output", type=Path, help="the built site")
    ap.add_argument("--bind", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--port", default="8000", help="port to listen on (default 8000; 0: any free port)")
    args, rebuild = ap.parse_args(argv[:cut]), argv[cut + 1:]
    if not args.port.isdigit() or int(args.port) > 65535:
        print(f"error: PORT={args.port!r}: must be a port number, 1 to 65535 (0: any free port)", file=sys.stderr)
        return 2
    try:
        server = bind(args.output, args.bind, int(args.port))
    except OSError as e:
        print(f"error: cannot serve on {args.bind}:{args.port}: {e.strerror or e} (another server there? "
              "choose PORT=<another port>)", file=sys.stderr)
        return 2
    from pelican.log import init as init_logging

    init_logging(level=logging.INFO)  # one line per request, as `pelican --listen` shows them
    with server:
        port = server.server_address[1]  # the one the system chose for port 0
        print(f"Serving {args.output} at http://{args.bind}:{port}/ - Ctrl-C stops", flush=True)
        return serve_beside(server, rebuild) if rebuild else serve(server)


if __name__ == "__main__":
    sys.exit(main())
