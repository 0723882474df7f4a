"""Widgets only: views over ``desktop.chat`` state, driven by ``desktop.bridge`` signals."""
