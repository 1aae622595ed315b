from court_backend.cli import main

main()
