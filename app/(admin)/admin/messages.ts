/** What the admin forms say. */
export const ADMIN_MESSAGES = {
  correctFields: "Please correct the marked fields.",
  slugTaken: "That slug is taken",
  postGone: "This post no longer exists.",
  pageGone: "This page no longer exists.",
  noSuchDate: "That date does not exist.",
} as const;
