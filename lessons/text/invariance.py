"""Strings of the translation-invariance lesson (page 5)."""

TEXT = {
    "inv.title": {"en": "Translation invariance: what a small shift does", "zh": "平移不变性：输入稍微移动时会怎样"},
    "inv.intro": {
        "en": "The tutorial claims that when the input moves a little, most of the pooled outputs "
              "stay the same, so pooling tolerates small changes of position. Its figure 3 shifts a "
              "6×6 input one pixel to the right, applies 3×3 max pooling with stride 3, and gets the "
              "same 2×2 output as before. The figure's numbers are not given, so this page builds its "
              "own example that behaves exactly like that, and then shows shifts that **do** change "
              "the output: the claim is true only in part.",
        "zh": "教程中说：输入发生少量平移时，池化后的大多数输出保持不变，所以池化对位置的微小变化"
              "不敏感。它的图 3 把一个 6×6 的输入向右平移一个像素，再做 3×3、步幅为 3 的最大池化，"
              "得到的 2×2 输出与平移前相同。教程没有给出图中的具体数值，所以本页自己构造了一个效果"
              "完全相同的例子，并且也展示了**会**改变输出的平移：这个说法只在一定条件下成立。",
    },
    "inv.pattern": {"en": "Input pattern", "zh": "输入图案"},
    "inv.pattern.figure3": {"en": "Like figure 3: maxima away from the right edge",
                            "zh": "类似图 3：最大值不在窗口右边缘"},
    "inv.pattern.boundary": {"en": "A bright bar on a window edge", "zh": "窗口边缘上的一条亮线"},
    "inv.pattern.enter": {"en": "A large value waiting outside", "zh": "输入外侧有一个大值"},
    "inv.pattern.noise": {"en": "Random values", "zh": "随机数值"},
    "inv.note.figure3": {
        "en": "With 3×3 windows and stride 3, every window's maximum (8, 7, 9, 6) sits in the "
              "left or middle column of its window, and the column that enters on the left holds "
              "only small values. Shift right by 1: all four maxima stay inside their windows, so "
              "the max-pooled output does not change. Now shift left by 1: the 7 and the 9 sit in "
              "the left column of their windows, so they leave them and two outputs change.",
        "zh": "使用 3×3 窗口、步幅 3 时，每个窗口的最大值（8、7、9、6）都位于窗口的左列或中列，"
              "而从左侧进入的新列只有较小的数。向右平移 1：四个最大值都还留在各自的窗口里，所以"
              "最大池化的输出不变。再试试向左平移 1：7 和 9 位于各自窗口的最左列，会被移出窗口，"
              "于是有两个输出发生改变。",
    },
    "inv.note.boundary": {
        "en": "With 3×3 windows and stride 3, the bar of 9s lies in the last column of the left "
              "windows. One pixel to the right carries it across the window boundary: the left "
              "outputs lose their 9 and the right ones gain it, so every output changes. One pixel "
              "to the left keeps it inside: nothing changes.",
        "zh": "使用 3×3 窗口、步幅 3 时，由 9 组成的亮线位于左侧窗口的最后一列。向右移动一个像素，"
              "它就越过了窗口边界：左侧的输出失去 9，右侧的输出得到 9，所有输出都变了。向左移动"
              "一个像素，它仍在原窗口内，输出完全不变。",
    },
    "inv.note.enter": {
        "en": "The values inside are at most 5, but a 9 waits just outside each edge of the input. "
              "Whichever direction brings a 9 in, the window that receives it now outputs 9. Fill the "
              "vacated cells with zeros instead and nothing new can enter: a one-pixel shift to the "
              "right then changes nothing. What enters matters as much as what moves.",
        "zh": "输入内部的数值都不超过 5，但在输入每条边的外侧各有一个 9。无论朝哪个方向平移，只要"
              "把 9 带进来，接收它的窗口输出就会变成 9。如果空出来的格子改为补零，就不会有新的大值"
              "进入，这时向右平移一个像素不会改变输出。进来的是什么，和移动本身一样重要。",
    },
    "inv.note.noise": {
        "en": "Random values have no special structure. Watch the chart below: for max pooling about "
              "half of the outputs survive a small shift, for average pooling almost none do.",
        "zh": "随机数值没有特别的结构。看下面的图表：对最大池化，小幅平移后大约一半输出保持不变；"
              "对平均池化，几乎没有输出保持不变。",
    },
    "inv.dx": {"en": "Horizontal shift dx (positive = right)", "zh": "水平平移 dx（正数向右）"},
    "inv.dy": {"en": "Vertical shift dy (positive = down)", "zh": "竖直平移 dy（正数向下）"},
    "inv.kernel": {"en": "Window size", "zh": "池化窗口大小"},
    "inv.stride": {"en": "Stride", "zh": "步幅"},
    "inv.fill_zeros": {"en": "Fill vacated cells with zeros", "zh": "空出的格子补零"},
    "inv.fill_zeros_help": {
        "en": "Off: new content from the surrounding picture enters, as in the tutorial's figure 3. "
              "On: the cells the shift leaves empty become 0.",
        "zh": "关闭：周围图像的新内容移入，与教程图 3 相同。打开：平移后空出的格子填 0。",
    },
    "inv.fill_note.scene": {
        "en": "**How the shift is made:** the 6×6 input is cut out of a larger 12×12 picture. "
              "Shifting moves the picture under the cut-out, so real new values enter on the side "
              "the content moves away from (on the left for a shift to the right, as in the "
              "tutorial's figure 3), and values pushed over the other edge disappear.",
        "zh": "**平移的做法：** 6×6 的输入是从一张更大的 12×12 图像中截取的。平移就是让图像在截取框"
              "下面移动，因此在内容离开的那一侧会进入真实的新数值（向右平移时新列从左侧进入，和教程"
              "图 3 一样），被推出另一侧边缘的数值则消失。",
    },
    "inv.fill_note.zeros": {
        "en": "**How the shift is made:** the 6×6 input itself is moved; the cells it leaves empty "
              "are filled with 0, and values pushed over the other edge disappear.",
        "zh": "**平移的做法：** 直接移动 6×6 的输入本身，空出来的格子填 0，被推出另一侧边缘的数值则"
              "消失。",
    },
    "inv.original": {"en": "Original input", "zh": "原始输入"},
    "inv.shifted": {"en": "Shifted by dx = {dx}, dy = {dy}", "zh": "平移 dx = {dx}，dy = {dy} 之后"},
    "inv.out_original": {"en": "Output before", "zh": "平移前的输出"},
    "inv.out_shifted": {"en": "Output after", "zh": "平移后的输出"},
    "inv.was": {"en": "(was {})", "zh": "（原为 {}）"},
    "inv.legend": {
        "en": "Coloured boxes: the pooling windows. Vermilion cells in the inputs: each window's "
              "maximum (max pooling only). Dotted black cells: values that entered with the shift. "
              "Vermilion cells in the output after the shift: values that changed, the old value "
              "in brackets.",
        "zh": "彩色方框：池化窗口。输入中朱红色描边的格子：每个窗口的最大值（仅最大池化）。黑色"
              "虚线格子：随平移新进入的数值。平移后输出中朱红色描边的格子：发生变化的值，括号里是"
              "原来的值。",
    },
    "inv.summary_same": {
        "en": "With {mode}, {n:the only output value is|all # output values are} unchanged by this shift.",
        "zh": "使用{mode}时，这次平移后全部 {n} 个输出值都没有变化。",
    },
    "inv.summary_changed": {
        "en": "With {mode}, {changed} of {n} output {n:value|values} changed with this shift.",
        "zh": "使用{mode}时，这次平移使 {n} 个输出值中的 {changed} 个发生了变化。",
    },
    "inv.both_modes": {
        "en": "For this shift: {max_pct} of the outputs stay the same with max pooling, "
              "{avg_pct} with average pooling.",
        "zh": "对这次平移：最大池化有 {max_pct} 的输出保持不变，平均池化有 {avg_pct}。",
    },
    "inv.sweep_header": {"en": "How many outputs stay the same at each horizontal shift",
                         "zh": "每种水平平移下，有多少输出保持不变"},
    "inv.sweep_caption": {
        "en": "Each bar: the share of output values that equal the unshifted output, for a "
              "horizontal shift from −3 to 3 with the vertical shift kept at dy = {dy}. The grey "
              "band marks the shift chosen above.",
        "zh": "每根柱子表示：水平平移从 −3 到 3（竖直平移保持 dy = {dy}）时，与平移前相同的输出值"
              "所占的比例。灰色竖条标出上面选定的平移量。",
    },
    "inv.sweep_x": {"en": "horizontal shift dx", "zh": "水平平移 dx"},
    "inv.sweep_y": {"en": "outputs unchanged", "zh": "不变的输出"},
    "inv.breaks_header": {"en": "When the invariance breaks", "zh": "什么时候不变性会失效"},
    "inv.breaks": {
        "en": "- **The maximum crosses a window boundary.** When a window's largest value sits on "
              "its edge, a one-pixel shift moves it into the neighbouring window, and both outputs "
              "can change.\n"
              "- **A new large value enters.** The shift brings in content that beats the old "
              "maximum of a window.\n"
              "- **Average pooling changes far more easily.** An average moves as soon as any value "
              "in its window changes (unless, by chance, the changes cancel out), so nearly every "
              "shift alters nearly every average; a maximum changes only when the winner leaves or "
              "is beaten.\n"
              "- **Only small shifts, and only approximately.** The effect holds for shifts smaller "
              "than the window, and even then only for some inputs. A shift as large as the stride "
              "moves the content a whole window over, so the output itself moves by one cell and "
              "hardly any cell keeps its value.\n"
              "- **Direction matters.** The same pattern can survive a shift to the right and fail "
              "a shift to the left.",
        "zh": "- **最大值越过了窗口边界。** 如果窗口中的最大值正好在窗口边上，平移一个像素就会把它"
              "移进相邻窗口，两个输出都可能改变。\n"
              "- **进来了一个新的大值。** 平移带进来的内容比某个窗口原来的最大值还大。\n"
              "- **平均池化更容易改变。** 窗口中任何一个值变了，平均值就会变（除非这些变化恰好相互"
              "抵消），所以几乎每次平移都会改变几乎所有平均值；而最大值只有在原来的最大值离开窗口"
              "或被超过时才会改变。\n"
              "- **只对小幅平移近似成立。** 这种效果只在平移量小于池化窗口时才可能出现，而且只对"
              "部分输入成立。平移量等于步幅时，内容整整移动了一个窗口，输出本身也随之移动一格，"
              "几乎没有哪个格子还保持原值。\n"
              "- **方向也有影响。** 同一个图案，向右平移可能不受影响，向左平移却可能改变输出。",
    },
    "inv.takeaway": {
        "en": "In short: max pooling makes a network *less sensitive* to small shifts, not "
              "insensitive. Networks become robust to position mostly by stacking many "
              "convolution and pooling layers and by training on shifted examples.",
        "zh": "总之：最大池化让网络对微小平移**不那么敏感**，而不是完全不受影响。网络对位置变化的"
              "鲁棒性，主要来自多层卷积与池化的堆叠，以及用平移过的样本进行训练。",
    },
}
