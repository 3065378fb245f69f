import type { Metadata } from "next";
import { ProfileView, profileMetadata, type ProfileParams } from "./profile-view";

type ProfilePageProps = { params: ProfileParams };

// Rendered on first request, then cached for every reader until a change expires it.
export function generateStaticParams() {
  return [];
}

export function generateMetadata({ params }: ProfilePageProps): Promise<Metadata> {
  return profileMetadata(params);
}

export default function ProfilePage({ params }: ProfilePageProps) {
  return <ProfileView params={params} />;
}
