"""Packages are found, not listed, so a new subpackage cannot go missing from a wheel; the
resources folder at the top is installed as ``desk.resources``. Everything else is in
pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=find_packages(include=["desk", "desk.*"]) + ["desk.resources"])
