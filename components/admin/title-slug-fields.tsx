"use client";

import { useState } from "react";
import { InputField } from "@/components/ui/field";
import { slugify } from "@/lib/text/slugify";
import { SLUG_MAX } from "@/lib/validations/authoring";

type TitleSlugFieldsProps = {
  title: string;
  slug: string;
  errors: { title?: string; slug?: string };
  slugHint: string;
  /** The slug follows the title until the author edits it (new items only). */
  autoSlug: boolean;
};

/** Title and slug; the slug fills in as the title is typed, and stays editable. */
export function TitleSlugFields({
  title: initialTitle,
  slug: initialSlug,
  errors,
  slugHint,
  autoSlug,
}: TitleSlugFieldsProps) {
  const [title, setTitle] = useState(initialTitle);
  const [slug, setSlug] = useState(initialSlug);
  const [following, setFollowing] = useState(
    autoSlug && (initialSlug === "" || initialSlug === slugify(initialTitle, SLUG_MAX)),
  );

  return (
    <>
      <InputField
        id="title"
        name="title"
        label="Title"
        required
        maxLength={200}
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          if (following) setSlug(slugify(event.target.value, SLUG_MAX));
        }}
        error={errors.title}
      />
      <InputField
        id="slug"
        name="slug"
        label="Slug"
        maxLength={SLUG_MAX}
        value={slug}
        onChange={(event) => {
          setSlug(event.target.value);
          setFollowing(event.target.value === "");
        }}
        error={errors.slug}
        hint={slugHint}
        autoCapitalize="none"
        spellCheck={false}
      />
    </>
  );
}
