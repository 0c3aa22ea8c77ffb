// Custom functions for this area are added by its issue.
export {};
