/** Sessions last two weeks; each request re-checks the user in the database anyway. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;
