/** The Review pane's styles, shared by its components (300–500 px wide). */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { visuallyHidden } from "../a11y";

export const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  hidden: visuallyHidden,
  picker: { minWidth: 0, maxWidth: "100%" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  packs: { display: "flex", flexDirection: "column" },
});
