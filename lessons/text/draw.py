"""Strings of the drawing pad, shared by every page with an input to draw (keys ``draw.*``)."""

TEXT = {
    "draw.title": {"en": "Draw your own input", "zh": "自己画输入"},
    "draw.title_upstream": {"en": "Draw the upstream gradient", "zh": "自己画上游梯度"},
    "draw.title_typed": {"en": "Draw or type your own input", "zh": "自己画或输入数值"},
    "draw.hint": {
        "en": "Pick a value, then click or tap cells to paint them. To paint a block at once, choose the "
              "box tool at the top right of the grid and drag over it.",
        "zh": "先选一个数值，再点击（或轻触）格子把它画上去。想一次画一整块，请选择网格右上角的框选工具，"
              "然后拖出一个方框。",
    },
    "draw.value": {"en": "Value to paint", "zh": "要画的数值"},
    "draw.clear": {"en": "Clear the drawing", "zh": "清除所画内容"},
    "draw.pad_hover": {"en": "row %{y}, column %{x}: %{customdata}<br>click to paint",
                       "zh": "第 %{y} 行，第 %{x} 列：%{customdata}<br>点击即可画上"},
    "draw.code": {"en": "Drawing code (kept in the page address)", "zh": "图案代码（保存在网址里）"},
    "draw.code_help": {
        "en": "This short code is your drawing, and it travels with the page's link. Paste a code to "
              "load a drawing; empty the box to go back to the example.",
        "zh": "这段简短的代码就是你画的图案，会随网页链接一起分享。粘贴一段代码即可载入图案；"
              "清空输入框则恢复示例。",
    },
    "draw.using": {
        "en": "Pooling your drawing: {n} of {total} cells differ from the example (outlined).",
        "zh": "正在对你画的输入做池化：{total} 个格子中有 {n} 个与示例不同（已用边框标出）。",
    },
    "draw.resized": {
        "en": "The input is now {h}×{w} and your drawing was {dh}×{dw}: its overlapping {rows}×{cols} "
              "part is kept, the other cells come from the example.",
        "zh": "输入现在是 {h}×{w}，而你画的图案是 {dh}×{dw}：重叠的 {rows}×{cols} 部分保留，"
              "其余格子取自示例。",
    },
    "draw.bad_code": {
        "en": "The drawing in the page address could not be read: {reason} It is ignored and the example "
              "is shown; paint a new drawing or clear the code.",
        "zh": "无法读取网址中的图案：{reason}已忽略该图案并显示示例；请重新画，或清除图案代码。",
    },
    "draw.err.too_long": {"en": "the code is longer than {limit} characters.",
                          "zh": "代码超过 {limit} 个字符。"},
    "draw.err.bad_chars": {"en": "the code may hold only letters, digits, “-”, “_” and “.”.",
                           "zh": "代码只能包含字母、数字以及 “-”、“_”、“.”。"},
    "draw.err.bad_header": {"en": "the code does not start with the grid's size, like “6x6i”.",
                            "zh": "代码开头不是网格尺寸（例如 “6x6i”）。"},
    "draw.err.bad_size": {"en": "a {h}×{w} grid is outside the 1 to {limit} rows and columns a lesson draws.",
                          "zh": "{h}×{w} 的网格超出了课程能画的范围（行数与列数均为 1 到 {limit}）。"},
    "draw.err.bad_cell": {"en": "cell {cell} is not written as a number.", "zh": "第 {cell} 个格子的数值写法不对。"},
    "draw.err.count": {"en": "the grid needs {expected} cells, the code holds {got}.",
                       "zh": "网格需要 {expected} 个格子，代码中有 {got} 个。"},
    "draw.err.too_large": {"en": "cell {cell} is not a number from −{limit} to {limit}.",
                           "zh": "第 {cell} 个格子不是 −{limit} 到 {limit} 之间的数。"},
    "draw.inv_note": {
        "en": "Your own drawing is the input, set in the middle of the chosen pattern's scene: a shift "
              "brings the scene's neighbouring cells into view.",
        "zh": "输入是你自己画的图案，放在所选图案场景的正中间：平移时，场景中相邻的格子会移进视野。",
    },
    "draw.text_fallback": {
        "en": "Until the numbers are fixed, the page pools the grid drawn above.",
        "zh": "在数值改好之前，页面先对上方画出的网格做池化。",
    },
}
