/** The rel of every link in user text: not endorsed, user-generated, no opener or referrer. */
export const USER_LINK_REL = "nofollow ugc noopener noreferrer";
