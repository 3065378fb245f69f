// Auth.js's own endpoints (sign-in callbacks, sign-out, CSRF): the one route allowed to
// import Auth.js; everything else goes through lib/auth/ (eslint.config.mjs).
import { handlers } from "@/auth";

export const { GET, POST } = handlers;
