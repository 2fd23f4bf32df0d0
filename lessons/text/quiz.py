"""Strings of the check-yourself questions (lessons/quiz/) and the exports
(lessons/export.py). Numbers, cells and lists arrive preformatted in the
fields; lists and arithmetic are shown as code (the same in both languages)."""

_WINDOW_EN = "Its window covers input rows {r0} to {r1} and columns {c0} to {c1}."
_WINDOW_ZH = "它的窗口覆盖输入的第 {r0} 到 {r1} 行、第 {c0} 到 {c1} 列。"

TEXT = {
    # -- the block on a page
    "quiz.header": {"en": "Check yourself", "zh": "自我检测"},
    "quiz.answer_label": {"en": "Your answer", "zh": "你的答案"},
    "quiz.check": {"en": "Check", "zh": "检查"},
    "quiz.new": {"en": "New question", "zh": "换一题"},
    "quiz.seed": {
        "en": "Question {seed}. Share this page's link and everyone gets the same question.",
        "zh": "第 {seed} 题。分享本页链接，大家就会得到同一道题。",
    },
    "quiz.click_hint": {"en": "You can also click the cell in the picture.",
                        "zh": "也可以直接在图中点击那个格子。"},
    "quiz.score": {"en": "Score: {right} of {answered} right ({percent}%)",
                   "zh": "得分：{answered} 题中答对 {right} 题（{percent}%）"},
    "quiz.bad_seed": {
        "en": "The question number in this link could not be read (it must be a whole number from 0 to "
              "{limit}), so this is question {seed}.",
        "zh": "无法读取链接中的题号（它必须是 0 到 {limit} 之间的整数），所以这里显示第 {seed} 题。",
    },
    "quiz.score_none": {"en": "No answers yet.", "zh": "还没有作答。"},

    # -- questions
    "quiz.q_value_avg": {
        "en": "Average pooling: the window of output ({i}, {j}) covers input rows {r0} to {r1} and "
              "columns {c0} to {c1}. What is output ({i}, {j})?",
        "zh": "平均池化：输出 ({i}, {j}) 的窗口覆盖输入的第 {r0} 到 {r1} 行、第 {c0} 到 {c1} 列。"
              "输出 ({i}, {j}) 是多少？",
    },
    "quiz.q_value_max": {
        "en": "Max pooling: the window of output ({i}, {j}) covers input rows {r0} to {r1} and "
              "columns {c0} to {c1}. What is output ({i}, {j})?",
        "zh": "最大池化：输出 ({i}, {j}) 的窗口覆盖输入的第 {r0} 到 {r1} 行、第 {c0} 到 {c1} 列。"
              "输出 ({i}, {j}) 是多少？",
    },
    "quiz.q_dilated": {
        "en": "With dilation it reads only the rows `{rows}` and the columns `{cols}`.",
        "zh": "由于有空洞（dilation），它只读取行 `{rows}` 和列 `{cols}`。",
    },
    "quiz.q_size_h": {
        "en": "The input is H = {n} rows high, the window k_h = {k}, the stride s_h = {s}, the padding "
              "{p0} on top and {p1} at the bottom. What is H_out, the number of output rows?",
        "zh": "输入高 H = {n} 行，窗口高 k_h = {k}，步幅 s_h = {s}，上方填充 {p0} 行，下方填充 {p1} 行。"
              "输出有多少行，即 H_out 是多少？",
    },
    "quiz.q_size_w": {
        "en": "The input is W = {n} columns wide, the window k_w = {k}, the stride s_w = {s}, the "
              "padding {p0} on the left and {p1} on the right. What is W_out, the number of output columns?",
        "zh": "输入宽 W = {n} 列，窗口宽 k_w = {k}，步幅 s_w = {s}，左侧填充 {p0} 列，右侧填充 {p1} 列。"
              "输出有多少列，即 W_out 是多少？",
    },
    "quiz.q_size_dilation": {"en": "The dilation is {d}.", "zh": "空洞（dilation）为 {d}。"},
    "quiz.q_size_ceil": {"en": "Ceil mode is on.", "zh": "已开启 ceil 模式（向上取整）。"},
    "quiz.q_route": {
        "en": "Max pooling: output ({i}, {j}) receives the gradient {g}. " + _WINDOW_EN
              + " Which input cell receives this gradient?",
        "zh": "最大池化：输出 ({i}, {j}) 收到的梯度是 {g}。" + _WINDOW_ZH + "这个梯度传给了哪个输入格子？",
    },
    "quiz.q_share": {
        "en": "Average pooling: output ({i}, {j}) receives the gradient {g}. " + _WINDOW_EN
              + " How much of it does each input cell of the window receive?",
        "zh": "平均池化：输出 ({i}, {j}) 收到的梯度是 {g}。" + _WINDOW_ZH + "窗口里的每个输入格子分到多少？",
    },
    "quiz.q_total_avg": {
        "en": "Average pooling: adding up what every window sends back, how much gradient does input "
              "cell ({r}, {c}) receive?",
        "zh": "平均池化：把所有窗口传回的梯度加起来，输入格子 ({r}, {c}) 一共收到多少梯度？",
    },
    "quiz.q_total_max": {
        "en": "Max pooling: adding up what every window sends back, how much gradient does input "
              "cell ({r}, {c}) receive?",
        "zh": "最大池化：把所有窗口传回的梯度加起来，输入格子 ({r}, {c}) 一共收到多少梯度？",
    },
    "quiz.q_kmax_col_order": {
        "en": "Column {name} is `{values}`. Which values does K-max pooling with k = {k} keep, in the "
              "order it writes them (original order kept)?",
        "zh": "列 {name} 为 `{values}`。k = {k} 的 K-max 池化保留哪些值？请按它写出的顺序作答（保持原有顺序）。",
    },
    "quiz.q_kmax_col_sorted": {
        "en": "Column {name} is `{values}`. Which values does K-max pooling with k = {k} keep, in the "
              "order it writes them (largest first)?",
        "zh": "列 {name} 为 `{values}`。k = {k} 的 K-max 池化保留哪些值？请按它写出的顺序作答（从大到小）。",
    },
    "quiz.q_kmax_row_order": {
        "en": "Row {name} is `{values}`. Which values does K-max pooling with k = {k} keep, in the "
              "order it writes them (original order kept)?",
        "zh": "行 {name} 为 `{values}`。k = {k} 的 K-max 池化保留哪些值？请按它写出的顺序作答（保持原有顺序）。",
    },
    "quiz.q_kmax_row_sorted": {
        "en": "Row {name} is `{values}`. Which values does K-max pooling with k = {k} keep, in the "
              "order it writes them (largest first)?",
        "zh": "行 {name} 为 `{values}`。k = {k} 的 K-max 池化保留哪些值？请按它写出的顺序作答（从大到小）。",
    },

    # -- how to write an answer (placeholders), and text that cannot be read
    "quiz.hint_number": {"en": "A number, e.g. 3.5", "zh": "一个数，例如 3.5"},
    "quiz.hint_integer": {"en": "A whole number, e.g. 3", "zh": "一个整数，例如 3"},
    "quiz.hint_cell": {"en": "A cell as row, column, e.g. 1, 2", "zh": "格子的行号和列号，例如 1, 2"},
    "quiz.hint_numbers": {"en": "Numbers separated by commas, e.g. 6, 8", "zh": "用逗号分隔的数，例如 6, 8"},
    "quiz.unreadable_empty": {"en": "Type an answer first.", "zh": "请先输入答案。"},
    "quiz.unreadable_too_long": {"en": "That is too long for an answer.", "zh": "这个答案太长了。"},
    "quiz.unreadable_not_number": {"en": "That could not be read as numbers.", "zh": "无法把它读成数字。"},
    "quiz.unreadable_not_finite": {"en": "Please give a finite number.", "zh": "请给出一个有限的数。"},
    "quiz.unreadable_count": {"en": "That has the wrong number of numbers for this question.",
                              "zh": "数字的个数与本题要求的不符。"},
    "quiz.unreadable_not_whole": {"en": "Cell coordinates are whole numbers.", "zh": "格子坐标必须是整数。"},

    # -- verdicts
    "quiz.fb_right": {"en": "Right: {answer}.", "zh": "正确：{answer}。"},
    "quiz.fb_wrong": {"en": "Not quite: you answered {got}, the answer is {answer}.",
                      "zh": "不对：你的答案是 {got}，正确答案是 {answer}。"},

    # -- worked arithmetic
    "quiz.work_avg": {"en": "The average over {n} {n:cell|cells}: `{math}`", "zh": "对 {n} 个格子求平均：`{math}`"},
    "quiz.work_avg_pad_counted": {"en": "{n:The padding cell counts as a zero|The # padding cells count as zeros}, and in the divisor.",
                                  "zh": "{n} 个填充格子按 0 计入，也计入除数。"},
    "quiz.work_avg_pad_skipped": {
        "en": "{n:The padding cell is|The # padding cells are} left out: the divisor is {d}, the number of real cells.",
        "zh": "{n} 个填充格子不计入：除数是 {d}，即真实格子的个数。",
    },
    "quiz.work_max": {"en": "The largest value of the window: `{math}`, at input cell ({r}, {c}).",
                      "zh": "窗口中的最大值：`{math}`，位于输入格子 ({r}, {c})。"},
    "quiz.work_overhang": {
        "en": "{n:1 cell of the window hangs|# cells of the window hang} past the padding (ceil mode): {n:it counts|they count} for nothing, "
              "not even as padding.",
        "zh": "窗口有 {n} 个格子越过了填充（ceil 模式）：它们什么都不算，连填充也不算。",
    },
    "quiz.work_max_pad": {"en": "Max pooling skips the {n:padding cell|# padding cells}.", "zh": "最大池化跳过 {n} 个填充格子。"},
    "quiz.work_span": {"en": "The dilated window spans `{math}` cells.",
                       "zh": "加了空洞的窗口跨度为 `{math}` 个格子。"},
    "quiz.work_size": {"en": "The output size: `{out} = {math}`", "zh": "输出尺寸：`{out} = {math}`"},
    "quiz.work_size_dropped": {
        "en": "Ceil mode drops the window that would start at {start}, past the input and its "
              "leading padding, so the result is {out}.",
        "zh": "ceil 模式下，起点为 {start} 的窗口已越过输入及其前侧填充，不予保留，所以结果是 {out}。",
    },
    "quiz.work_route": {
        "en": "`{math}` sits at input cell ({r}, {c}): it receives the whole gradient {g}, the "
              "window's other cells receive 0.",
        "zh": "`{math}` 位于输入格子 ({r}, {c})：它得到全部梯度 {g}，窗口中的其他格子得到 0。",
    },
    "quiz.work_route_tie": {
        "en": "{n} cells share the maximum; as in PyTorch, the first of them in reading order "
              "(row by row, left to right) receives the gradient.",
        "zh": "有 {n} 个格子并列最大；与 PyTorch 一样，按阅读顺序（逐行、从左到右）排在最前的那个得到梯度。",
    },
    "quiz.work_share": {"en": "The gradient is split equally among the divisor's {d} cells: `{math}`.",
                        "zh": "梯度平均分给除数中的 {d} 个格子：`{math}`。"},
    "quiz.work_share_pad_lost": {"en": "{n:1 of those cells is|# of those cells are} padding: {n:its share|their shares}, {lost} in all, are lost.",
                                 "zh": "其中 {n} 个是填充格子：它们分到的梯度共 {lost}，就此丢失。"},
    "quiz.work_total_avg": {
        "en": "The cell lies in {n} {n:window|windows}: `{windows}`. {n:It sends|Each sends} back its share: `{math}`",
        "zh": "这个格子位于 {n} 个窗口中：`{windows}`。每个窗口传回自己的一份：`{math}`",
    },
    "quiz.work_total_max": {
        "en": "The cell lies in {n} {n:window|windows} and is the maximum of {won}: `{windows}`. Their "
              "gradients add up: `{math}`",
        "zh": "这个格子位于 {n} 个窗口中，并且是其中 {won} 个窗口的最大值：`{windows}`。这些梯度相加：`{math}`",
    },
    "quiz.work_total_max_none": {
        "en": "The cell lies in {n} {n:window|windows} (`{windows}`) but is the maximum of {n:none|none of them}, "
              "so it receives 0.",
        "zh": "这个格子位于 {n} 个窗口中（`{windows}`），但不是其中任何一个的最大值，所以得到 0。",
    },
    "quiz.work_kmax": {"en": "{k:The largest value is|The # largest values are} `{largest}`, at {k:position|positions} `{at}` "
                       "(counted from 0).",
                       "zh": "最大的 {k} 个值是 `{largest}`，位于位置 `{at}`（从 0 开始计数）。"},
    "quiz.work_kmax_order": {"en": "Kept in their original order (positions `{at}`): `{kept}`.",
                             "zh": "按原有顺序保留（位置 `{at}`）：`{kept}`。"},
    "quiz.work_kmax_sorted": {"en": "Written largest first: `{kept}`.", "zh": "从大到小写出：`{kept}`。"},

    # -- what a wrong answer probably means
    "quiz.trap_sum": {"en": "{total} is the window's sum: average pooling divides it by {d}.",
                      "zh": "{total} 是窗口之和：平均池化还要再除以 {d}。"},
    "quiz.trap_other_mode_avg": {"en": "That is the window's maximum: this question is about average pooling.",
                                 "zh": "这是窗口的最大值：本题问的是平均池化。"},
    "quiz.trap_other_mode_max": {"en": "That is the window's average: max pooling keeps the largest value.",
                                 "zh": "这是窗口的平均值：最大池化保留的是最大值。"},
    "quiz.trap_pad_counted": {
        "en": "That divides by the real cells only; here the padding counts too, so the divisor is {d}.",
        "zh": "这是只除以真实格子个数的结果；这里填充也计入，所以除数是 {d}。",
    },
    "quiz.trap_pad_skipped": {
        "en": "That counts the padding in the divisor; here it does not, so the divisor is {d}.",
        "zh": "这是把填充计入除数的结果；这里填充不计入，所以除数是 {d}。",
    },
    "quiz.trap_plus_one": {"en": "That counts the strides; the first window counts too: add 1.",
                           "zh": "这只数了窗口移动的步数；第一个窗口也要算上：再加 1。"},
    "quiz.trap_rounding": {"en": "That rounds the other way: this setting uses {fn}.",
                           "zh": "这是另一种取整方式的结果：这里用的是 {fn}。"},
    "quiz.trap_padding": {"en": "That leaves out the padding: add it to the input size first.",
                          "zh": "这里漏掉了填充：要先把填充加到输入尺寸上。"},
    "quiz.trap_dilation": {"en": "That ignores the dilation: the window spans {span} cells.",
                           "zh": "这里忽略了空洞：窗口实际跨度是 {span} 个格子。"},
    "quiz.trap_tie": {
        "en": "Cell ({r}, {c}) holds the maximum too, but the gradient goes to the first maximum in "
              "reading order.",
        "zh": "格子 ({r}, {c}) 也等于最大值，但梯度只传给按阅读顺序排在最前的那个最大值。",
    },
    "quiz.trap_output_cell": {"en": "That is the output cell; the question asks which input cell receives "
                                    "its gradient.",
                              "zh": "这是输出格子的位置；题目问的是哪个输入格子得到它的梯度。"},
    "quiz.trap_copy": {"en": "That copies the whole gradient to every cell; average pooling splits it into "
                             "{d} equal parts.",
                       "zh": "这是把整个梯度复制给了每个格子；平均池化要把它平均分成 {d} 份。"},
    "quiz.trap_divisor": {"en": "That divides by the window's size; this window's divisor is {d}.",
                          "zh": "这是除以窗口大小的结果；这个窗口的除数是 {d}。"},
    "quiz.trap_one_window": {"en": "That is one window's part; the cell gets gradient from {n} windows: add "
                                   "them up.",
                             "zh": "这只是一个窗口的那一份；这个格子从 {n} 个窗口得到梯度：要把它们加起来。"},
    "quiz.trap_not_max": {"en": "Only a window's maximum receives the window's gradient; other cells receive 0.",
                          "zh": "只有窗口中的最大值才得到该窗口的梯度；其他格子得到 0。"},
    "quiz.trap_kmax_sorted": {"en": "Right values, wrong order: K-max keeps them in their original order.",
                              "zh": "值对了，顺序不对：K-max 保持它们原有的先后顺序。"},
    "quiz.trap_kmax_order": {"en": "Right values, wrong order: with the order not kept, they are written "
                                   "largest first.",
                             "zh": "值对了，顺序不对：不保持顺序时，按从大到小写出。"},

    # -- exports
    "export.header": {"en": "Take it away", "zh": "导出"},
    "export.gif": {"en": "Animation (GIF)", "zh": "动画（GIF）"},
    "export.html": {"en": "Figure (HTML, works offline)", "zh": "图表（HTML，可离线打开）"},
    "export.csv": {"en": "Every window (CSV)", "zh": "逐窗口记录（CSV）"},
    "export.json": {"en": "Every window (JSON)", "zh": "逐窗口记录（JSON）"},
    "export.gif_capped": {"en": "The animation shows the first {shown} of the {total} windows.",
                          "zh": "动画只显示 {total} 个窗口中的前 {shown} 个。"},
}
