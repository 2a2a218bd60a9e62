import { Select } from 'antd'
import { useMemo } from 'react'
import { useRights } from '../lib/queries'

interface Props {
  id?: string
  value?: string
  onChange?: (v: string) => void
  disabled?: boolean
  allowClear?: boolean
  placeholder?: string
}

/** An IP right, shown as "title (jurisdiction number)" like complaint rows show it. */
export default function RightSelect({ id, value, onChange, disabled, allowClear, placeholder }: Props) {
  const rights = useRights()
  const options = useMemo(
    () =>
      (rights.data ?? []).map((r) => ({
        value: r.id,
        label: `${r.title} (${r.jurisdiction} ${r.registration_number})`.replace(' )', ')'),
      })),
    [rights.data],
  )
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      placeholder={placeholder}
      disabled={disabled}
      loading={rights.isLoading}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
    />
  )
}
