/** The negative-list classifier matches in the one text normal form of the project (../normal-form). */
export { normalize, toSimplified } from "../normal-form";
