/**
 * The search box: Chinese names, addresses, or pinyin initials (e.g. "mlt" finds 明伦堂).
 * Calls `onSearch` 300 ms after typing stops, and at once on confirm.
 */
import { Input, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import './search-bar.scss'
import { Pressable } from '../../../shared/ui/Pressable'

export function SearchBar({ value, onSearch, placeholder }: { value: string; onSearch: (q: string) => void; placeholder: string }) {
  const [text, setText] = useState(value)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => setText(value), [value])
  useEffect(() => () => clearTimeout(timer.current), [])
  const schedule = (q: string) => {
    setText(q)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => onSearch(q), 300)
  }
  return (
    <View className='search-bar'>
      <Input
        className='search-bar__input'
        type='text'
        confirmType='search'
        maxlength={50}
        value={text}
        placeholder={placeholder}
        placeholderClass='search-bar__placeholder'
        ariaLabel='搜索史迹'
        onInput={(e) => schedule(e.detail.value)}
        onConfirm={(e) => {
          clearTimeout(timer.current)
          onSearch(e.detail.value)
        }}
      />
      {text ? (
        <Pressable
          className='search-bar__clear'
          onPress={() => {
            clearTimeout(timer.current)
            setText('')
            onSearch('')
          }}
        >
          清除
        </Pressable>
      ) : null}
    </View>
  )
}
