/** Small accessibility helpers shared by the panes. */
import type { GriffelStyle } from "@fluentui/react-components";

/** Hidden on screen, read by screen readers (headings and live text that sighted users see elsewhere). */
export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: "0",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};
