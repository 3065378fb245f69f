import type { Metadata } from "next";
import { ProfileView, profileMetadata, type ProfileParams } from "../../profile-view";

type OlderProfilePageProps = { params: ProfileParams };

export function generateStaticParams() {
  return [];
}

export function generateMetadata({ params }: OlderProfilePageProps): Promise<Metadata> {
  return profileMetadata(params);
}

/** Older comments of a profile: those before a comment id (a cursor, stable while new ones arrive). */
export default function OlderProfilePage({ params }: OlderProfilePageProps) {
  return <ProfileView params={params} />;
}
