"""The back office: a manager's window of tabs over the local database (issue 8, 9).

``context`` is what every tab is given, ``tab`` the base class a tab derives from,
``registry`` the tabs in display order, ``window`` the window built from them.
"""
