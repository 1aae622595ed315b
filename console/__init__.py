"""The console's core, in plain Python: domain types, API client, sync engine, store, embedded backend.

Nothing here imports Qt or `widgets`, so all of it runs and is tested without a screen.
"""
