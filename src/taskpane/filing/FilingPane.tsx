import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { FilingWorkbook } from "./port";

export function FilingPane(_props: { workbook: FilingWorkbook }) {
  return <Text>…</Text>;
}
