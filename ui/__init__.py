"""The Qt window of 复学防控桌面. It only calls the core and shows what it returns."""
