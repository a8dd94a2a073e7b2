"""Planning intelligence: propose a lawful restructuring, the surplus staff and their allowances,
forecasts against targets, scenarios side by side.

Below the command line and the web application, above the law: everything here asks the law
engine (``tinhgon.law``) what is lawful and reads legal numbers from its parameter files.
"""
