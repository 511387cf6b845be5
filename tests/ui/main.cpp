// tests/ui/main.cpp — doctest main for the headless UI tests (chips_ui_tests).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
