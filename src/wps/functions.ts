/**
 * WPS 表格 entry for the custom functions (loaded by the add-in's index.html). The CustomFunctions
 * global must exist before the function files run their appended `associate` calls, so it is
 * installed in its own module imported first (ES modules evaluate imports in order).
 */
import "./functions-runtime";
import "../functions/functions";
