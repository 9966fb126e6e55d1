"""The school → township USB bundle (上报数据包): its format, its records, the export and
the township's key."""
