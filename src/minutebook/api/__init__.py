"""Open data: OParl 1.1, iCalendar, feeds, CSV/JSON downloads, full export and import."""
