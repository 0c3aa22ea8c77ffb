import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { AllocationWorkbook } from "./port";

export function AllocationPane(_props: { workbook: AllocationWorkbook }) {
  return <Text>…</Text>;
}
