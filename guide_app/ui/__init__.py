"""Qt widgets only: windows, views and dialogs. All logic lives in the core packages."""
