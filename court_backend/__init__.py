"""The reference court backend: the Court Backend API's reference server and a live simulation.

It runs in its own process and never imports the console; the console reaches it over HTTP only.
"""
