import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** Session version at sign-in; must match User.sessionVersion on every request. */
    sv?: number;
  }
}
