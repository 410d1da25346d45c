from .cli import main

# Guarded: the worker's analyser process (spawn) imports this module as __mp_main__.
if __name__ == "__main__":
    raise SystemExit(main())
