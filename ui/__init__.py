"""The Qt window of Startup Desk. Thin: it calls `app/`."""
