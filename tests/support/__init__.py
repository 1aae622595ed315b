"""What the tests share: real backends on loopback, a keyring of their own, and the small drivers
of dialogs and the mouse. Test modules import from here, never from each other."""
