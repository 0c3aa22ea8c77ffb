import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { ReviewWorkbook } from "./port";

export function ReviewPane(_props: { workbook: ReviewWorkbook }) {
  return <Text>…</Text>;
}
