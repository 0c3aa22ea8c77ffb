/**
 * A message bar labelled by its own text: Fluent's MessageBar points aria-labelledby at a title
 * that exists only when a MessageBarTitle is given; here the body is the label.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, useId } from "@fluentui/react-components";

export function Notice({
  intent,
  children,
  testId,
  multiline,
}: {
  intent: "success" | "error" | "info" | "warning";
  children: React.ReactNode;
  testId?: string;
  /** Keep the text's own line breaks. */
  multiline?: boolean;
}) {
  const id = useId("notice-");
  return (
    <MessageBar intent={intent} aria-labelledby={id} data-testid={testId} layout="multiline">
      <MessageBarBody id={id} style={multiline ? { whiteSpace: "pre-line" } : undefined}>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
