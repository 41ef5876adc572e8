import { Button, Group, Input, Paper } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string;
  onChange: (html: string) => void;
  readOnly?: boolean;
}

/**
 * A rich-text field: an editable area with a small toolbar (bold, italic, lists, heading, link).
 * The server reduces whatever it receives to the report's safe subset, so this only helps typing.
 */
export function RichText({ label, value, onChange, readOnly = false }: Props) {
  const { t } = useTranslation();
  const area = useRef<HTMLDivElement>(null);

  // The area owns its content while focused; it takes the value from outside otherwise.
  useEffect(() => {
    const element = area.current;
    if (element && document.activeElement !== element && element.innerHTML !== value) element.innerHTML = value;
  }, [value]);

  const command = (name: string, argument?: string) => {
    area.current?.focus();
    document.execCommand(name, false, argument);
    if (area.current) onChange(area.current.innerHTML);
  };
  const link = () => {
    const href = window.prompt(t('reports.editor.linkPrompt'), 'https://');
    if (href) command('createLink', href);
  };

  return (
    <Input.Wrapper label={label} labelElement="div">
      {readOnly ? null : (
        <Group gap={4} mb={4} role="toolbar" aria-label={t('reports.editor.toolbar', { field: label })}>
          <Button size="compact-xs" variant="default" onMouseDown={(e) => e.preventDefault()} onClick={() => command('bold')}>
            {t('reports.editor.bold')}
          </Button>
          <Button size="compact-xs" variant="default" onMouseDown={(e) => e.preventDefault()} onClick={() => command('italic')}>
            {t('reports.editor.italic')}
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => command('insertUnorderedList')}
          >
            {t('reports.editor.bullets')}
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => command('insertOrderedList')}
          >
            {t('reports.editor.numbers')}
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => command('formatBlock', 'h4')}
          >
            {t('reports.editor.heading')}
          </Button>
          <Button size="compact-xs" variant="default" onMouseDown={(e) => e.preventDefault()} onClick={link}>
            {t('reports.editor.link')}
          </Button>
        </Group>
      )}
      <Paper
        withBorder
        p="xs"
        ref={area}
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        aria-readonly={readOnly}
        contentEditable={!readOnly}
        suppressContentEditableWarning
        tabIndex={0}
        onInput={(e) => onChange((e.target as HTMLDivElement).innerHTML)}
        onBlur={(e) => onChange((e.target as HTMLDivElement).innerHTML)}
        style={{ minHeight: readOnly ? undefined : 80 }}
      />
    </Input.Wrapper>
  );
}
