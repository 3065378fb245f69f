import {
  AVATAR_TEXT_COLOUR,
  avatarColour,
  gravatarUrl,
  initialsOf,
  NEUTRAL_AVATAR_COLOUR,
} from "@/lib/avatars/avatar";

type AvatarProps = {
  /** Null for a comment without an account (a guest, an import, a deleted account). */
  userId: string | null;
  name: string;
  /** Set only when the blog owner turned Gravatar on (docs/decisions/031). */
  gravatarHash?: string | null;
  size?: "small" | "large";
};

const SIZES = { small: 28, large: 64 } as const;

/**
 * A person's generated avatar: their initials on a colour derived from their account id,
 * drawn with CSS (no request). Decorative: the name stands beside it, so it is hidden
 * from screen readers. With Gravatar on, the Gravatar image lies over the initials
 * (transparent where the person has none) and is fetched without a referrer, so
 * gravatar.com does not learn which page was read.
 */
export function Avatar({ userId, name, gravatarHash, size = "small" }: AvatarProps) {
  const pixels = SIZES[size];
  return (
    <span
      aria-hidden="true"
      data-avatar={userId ? "initials" : "neutral"}
      className={`relative inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full font-semibold select-none ${size === "small" ? "text-xs" : "text-2xl"}`}
      style={{
        width: pixels,
        height: pixels,
        backgroundColor: userId ? avatarColour(userId) : NEUTRAL_AVATAR_COLOUR,
        color: AVATAR_TEXT_COLOUR,
      }}
    >
      {userId ? (
        initialsOf(name)
      ) : (
        <svg viewBox="0 0 24 24" width={pixels * 0.6} height={pixels * 0.6} fill="currentColor">
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
        </svg>
      )}
      {userId && gravatarHash && (
        // eslint-disable-next-line @next/next/no-img-element -- a third-party image, sized here, no optimiser
        <img
          src={gravatarUrl(gravatarHash, pixels)}
          alt=""
          width={pixels}
          height={pixels}
          loading="lazy"
          referrerPolicy="no-referrer"
          className="absolute inset-0 h-full w-full"
        />
      )}
    </span>
  );
}
