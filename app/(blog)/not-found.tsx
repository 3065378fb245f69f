import { NotFoundMessage } from "@/components/not-found-message";

export default function BlogNotFound() {
  return <NotFoundMessage />;
}
