import { Button, FileInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api } from './api';
import { anyMissing, useFieldErrors } from './form-errors';
import { ProblemAlert } from './ProblemAlert';

/** The files a document may be: what the server reads to index it (PDF, DOCX, ODT, plain text). */
const DOCUMENT_TYPES = '.pdf,.docx,.odt,.txt,application/pdf,text/plain';

/**
 * A form that uploads one document with its title: the file's bytes are the body, and the address
 * (`address(title, fileName)`) carries the title, the file's name and whatever else the fields in
 * `children` chose. Errors show on the field they concern; the form empties once the server took it.
 */
export function DocumentUpload({
  name,
  address,
  words,
  intro,
  children,
  compact = false,
  onUploaded,
}: {
  /** The form's accessible name. */
  name: string;
  address: (title: string, fileName: string) => string;
  words: { title: string; file: string; fileTypes?: string; submit: string };
  intro?: ReactNode;
  /** Further fields, beside the title and the file. */
  children?: ReactNode;
  compact?: boolean;
  onUploaded: () => Promise<unknown>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [tried, setTried] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) => api.upload(address(title.trim(), chosen.name), chosen, 'application/octet-stream'),
    onSuccess: async () => {
      setFile(null);
      setTitle('');
      setTried(false);
      await onUploaded();
    },
  });
  const missing = { '/file': !file, '/title': !title.trim() };
  const errorOf = useFieldErrors(upload.error, tried ? missing : {});
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={name}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (file && !anyMissing(missing)) upload.mutate(file);
      }}
    >
      {intro}
      {upload.error && !errorOf('/title') && !errorOf('/file') ? <ProblemAlert error={upload.error} /> : null}
      <SimpleGrid cols={{ base: 1, sm: children ? 3 : 2 }}>
        <TextInput
          label={words.title}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errorOf('/title')}
        />
        <FileInput
          label={words.file}
          description={words.fileTypes}
          required
          accept={DOCUMENT_TYPES}
          value={file}
          onChange={setFile}
          clearable
          error={errorOf('/file')}
        />
        {children}
      </SimpleGrid>
      <Button
        type="submit"
        w="fit-content"
        size={compact ? 'xs' : 'sm'}
        variant={compact ? 'light' : 'filled'}
        loading={upload.isPending}
      >
        {words.submit}
      </Button>
    </Stack>
  );
}
